#include "app_resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
void socialctx_init_app_resources() { Q_INIT_RESOURCE(socialctx); }

#pragma once
// The app's Qt resources (the icon) are compiled into a static library, so they are registered by hand before
// first use. Safe to call more than once.
void socialctx_init_app_resources();

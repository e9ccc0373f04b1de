#include "util/npy.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/error.h"

namespace sctx {

void write_npy(const std::string& path, const float* data, const std::vector<size_t>& shape) {
    std::ostringstream dict;
    dict << "{'descr': '<f4', 'fortran_order': False, 'shape': (";
    size_t count = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
        dict << shape[i] << (shape.size() == 1 || i + 1 < shape.size() ? "," : "");
        if (i + 1 < shape.size()) dict << " ";
        count *= shape[i];
    }
    dict << "), }";
    std::string header = dict.str();
    // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in '\n'.
    size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write " + path);
    const char magic[] = "\x93NUMPY\x01\x00";
    out.write(magic, 8);
    const uint16_t len = uint16_t(header.size());
    const char len_bytes[2] = {char(len & 0xff), char(len >> 8)};
    out.write(len_bytes, 2);
    out.write(header.data(), std::streamsize(header.size()));
    out.write(reinterpret_cast<const char*>(data), std::streamsize(count * sizeof(float)));
    if (!out) throw Error("cannot write " + path);
}

NpyArray read_npy(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path);
    char magic[8];
    in.read(magic, 8);
    if (!in || std::memcmp(magic, "\x93NUMPY", 6) != 0) throw Error(path + ": not a .npy file");
    uint32_t hlen = 0;
    if (magic[6] == 1) {
        unsigned char b[2];
        in.read(reinterpret_cast<char*>(b), 2);
        hlen = uint32_t(b[0]) | uint32_t(b[1]) << 8;
    } else {
        unsigned char b[4];
        in.read(reinterpret_cast<char*>(b), 4);
        hlen = uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
    }
    std::string header(hlen, '\0');
    in.read(header.data(), hlen);
    if (!in) throw Error(path + ": truncated .npy header");
    const bool f8 = header.find("'<f8'") != std::string::npos;
    if (!f8 && header.find("'<f4'") == std::string::npos) throw Error(path + ": only float32/float64 .npy supported");
    if (header.find("'fortran_order': True") != std::string::npos) throw Error(path + ": Fortran order not supported");
    NpyArray arr;
    size_t open = header.find('('), close = header.find(')');
    std::string dims = header.substr(open + 1, close - open - 1);
    std::stringstream ss(dims);
    std::string item;
    size_t count = 1;
    while (std::getline(ss, item, ',')) {
        if (item.find_first_not_of(' ') == std::string::npos) continue;
        arr.shape.push_back(std::stoul(item));
        count *= arr.shape.back();
    }
    arr.data.resize(count);
    if (f8) {
        std::vector<double> tmp(count);
        in.read(reinterpret_cast<char*>(tmp.data()), std::streamsize(count * 8));
        for (size_t i = 0; i < count; ++i) arr.data[i] = float(tmp[i]);
    } else {
        in.read(reinterpret_cast<char*>(arr.data.data()), std::streamsize(count * 4));
    }
    if (!in) throw Error(path + ": truncated .npy data");
    return arr;
}

}  // namespace sctx

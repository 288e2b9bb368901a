/* zlib for Swift: gzip-compressed inputs are read through gzopen/gzread, which pass
 * uncompressed files through unchanged. */
#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>
#endif

/* libxml2 for Swift. Debian builds libxml2 with ICU, whose headers clash with Foundation's
 * ("'UErrorCode' has different definitions in different modules"). ICU only adds trailing
 * fields we never touch, so it is switched off for the import. */
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#endif

#ifndef DOCPIPE_CLIBXML2_SHIM_H
#define DOCPIPE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// A module importing both Foundation and libxml2 otherwise fails on clean builds with a
// UErrorCode redefinition: docpipe never needs libxml2's ICU support.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlmemory.h>

// Swift 6 rejects the xmlFree global (a mutable function pointer); call it through here.
static inline void docpipe_xmlFree(void *p) { xmlFree(p); }
#endif

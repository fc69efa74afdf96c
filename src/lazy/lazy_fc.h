/* lazy_fc.h — fontconfig (finding installed fonts when the font cache cannot serve), opened when first needed
 * (lazylib.h).  Include this instead of the library's header, and call
 * lazy_fc_load before the first call. */
#ifndef FANGAN_LAZY_FC_H
#define FANGAN_LAZY_FC_H

#include <fontconfig/fontconfig.h>

#include "lazylib.h"

#define LAZY_FC_FUNCS(X) \
	X(FcConfigGetConfigDirs) \
	X(FcConfigGetConfigFiles) \
	X(FcConfigGetFontDirs) \
	X(FcConfigSubstitute) \
	X(FcDefaultSubstitute) \
	X(FcFontMatch) \
	X(FcFontSetCreate) \
	X(FcFontSetDestroy) \
	X(FcFreeTypeQueryAll) \
	X(FcInit) \
	X(FcPatternAddString) \
	X(FcPatternCreate) \
	X(FcPatternDestroy) \
	X(FcPatternGetInteger) \
	X(FcPatternGetString) \
	X(FcStrListDone) \
	X(FcStrListNext)

typedef struct {
	LAZY_FC_FUNCS(LAZY_PTR)
} LazyFcFns;
extern LazyFcFns lazy_fc;

/* Open the library (once); false and *err (if err) when it cannot be. */
bool lazy_fc_load(char **err);

#ifndef LAZY_FC_IMPL
#define FcConfigGetConfigDirs (lazy_fc.FcConfigGetConfigDirs)
#define FcConfigGetConfigFiles (lazy_fc.FcConfigGetConfigFiles)
#define FcConfigGetFontDirs (lazy_fc.FcConfigGetFontDirs)
#define FcConfigSubstitute (lazy_fc.FcConfigSubstitute)
#define FcDefaultSubstitute (lazy_fc.FcDefaultSubstitute)
#define FcFontMatch (lazy_fc.FcFontMatch)
#define FcFontSetCreate (lazy_fc.FcFontSetCreate)
#define FcFontSetDestroy (lazy_fc.FcFontSetDestroy)
#define FcFreeTypeQueryAll (lazy_fc.FcFreeTypeQueryAll)
#define FcInit (lazy_fc.FcInit)
#define FcPatternAddString (lazy_fc.FcPatternAddString)
#define FcPatternCreate (lazy_fc.FcPatternCreate)
#define FcPatternDestroy (lazy_fc.FcPatternDestroy)
#define FcPatternGetInteger (lazy_fc.FcPatternGetInteger)
#define FcPatternGetString (lazy_fc.FcPatternGetString)
#define FcStrListDone (lazy_fc.FcStrListDone)
#define FcStrListNext (lazy_fc.FcStrListNext)
#endif

#endif

/* icuuc.dll for Wine: the 20 ICU converter functions Qt6Core.dll imports from Windows' own ICU.
 *
 * Windows 10 (1703 and later) ships icuuc.dll in System32; Wine 8 does not, and without it Qt6Core.dll (and so
 * every PySide6 program) fails to load. Only `make windows` and `make windows-test` use this file: it goes into
 * the Wine prefix's system32, never into the bundle or the installer (PyInstaller treats it as a system DLL).
 *
 * Every converter fails to open (U_FILE_ACCESS_ERROR) and none is listed, so Qt falls back to its built-in
 * UTF-8/UTF-16/Latin-1 codecs, which are all the app uses (its files, its database and its PDFs are UTF-8).
 * The other functions are never reached without an open converter; they answer "nothing" safely.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;              /* ICU's enum; U_ZERO_ERROR = 0 */
typedef uint16_t UChar;
typedef int8_t UBool;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);
enum { U_FILE_ACCESS_ERROR = 4, U_INDEX_OUTOFBOUNDS_ERROR = 8 };

static void fail(UErrorCode *err, UErrorCode code)
{
    if (err && *err <= 0)
        *err = code;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err, U_FILE_ACCESS_ERROR); return NULL; }
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err, U_FILE_ACCESS_ERROR); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{ (void)name; (void)standard; (void)err; return NULL; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                UConverterCallback *old_action, const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; if (old_action) *old_action = NULL; if (old_context) *old_context = NULL;
  fail(err, U_FILE_ACCESS_ERROR); }
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                  UConverterCallback *old_action, const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; if (old_action) *old_action = NULL; if (old_context) *old_context = NULL;
  fail(err, U_FILE_ACCESS_ERROR); }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset, UErrorCode *err)
{ (void)args; (void)source; (void)length; (void)offset; fail(err, U_INDEX_OUTOFBOUNDS_ERROR); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset, UErrorCode *err)
{ (void)args; (void)source; (void)limit; (void)offset; fail(err, U_INDEX_OUTOFBOUNDS_ERROR); }
EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, UBool flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
  fail(err, U_FILE_ACCESS_ERROR); }
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, UBool flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
  fail(err, U_FILE_ACCESS_ERROR); }
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
/* ICU's ready-made callbacks: Qt passes their addresses to ucnv_set*CallBack, which refuses above */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) { }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) { }

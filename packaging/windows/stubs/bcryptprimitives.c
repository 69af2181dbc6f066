/* bcryptprimitives.dll for Wine: ProcessPrng, which Rust's standard library (inside cryptography's _rust.pyd)
 * imports on Windows 10 and later. Wine 8 lacks the DLL; this one answers from BCryptGenRandom (the system's
 * cryptographic generator, which Wine implements). Only the Wine prefixes of `make windows` and
 * `make windows-test` get it; on Windows the system's own DLL is used.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}

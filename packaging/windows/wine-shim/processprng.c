/*
 * Test set-up only, never shipped: Wine 8 (Debian 12) has no ProcessPrng in
 * bcryptprimitives.dll, which Rust's standard library calls for random numbers (HashMap
 * seeds), so without this every Rust program fails to load under Wine. Windows 10 and later
 * have the real one. scripts/wine-prefix builds this with mingw and puts it in the throwaway
 * Wine prefix's system32, where it replaces Wine's own bcryptprimitives.dll.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* BCryptGenRandom takes a ULONG: fill large requests in pieces. */
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}

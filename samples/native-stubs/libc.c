/* Link-time stand-in for Android's libc.so: gives the sample libraries a real DT_NEEDED
   entry and undefined imports. Never packaged. */
typedef unsigned long size_t;
size_t strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
void *memcpy(void *d, const void *s, size_t n) { char *a = d; const char *b = s; while (n--) *a++ = *b++; return d; }
int snprintf(char *buf, size_t n, const char *fmt, ...) { (void)buf; (void)n; (void)fmt; return 0; }
void *malloc(size_t n) { (void)n; return 0; }
void free(void *p) { (void)p; }
int open(const char *path, int flags, ...) { (void)path; (void)flags; return -1; }

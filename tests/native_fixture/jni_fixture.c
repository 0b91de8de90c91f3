/* A tiny JNI library built by tests/native_fixture.rs with the cross compilers
 * (aarch64-linux-gnu-gcc, arm-linux-gnueabihf-gcc). Every value the test expects is
 * written here, so the expectations come from the source, not from our output. */
#include <string.h>

static const char report_url[] = "https://collect.example-sdk.com/v2/report?id=%s";
static const char report_host[] = "api.example-sdk.cn";
static const char foo_class[] = "com/example/Foo";
static const char foo_sig[] = "(Landroid/content/Context;)Ljava/lang/String;";
static const char noise[] = "just some text, nothing to keep";

/* Exported object. */
int exported_counter = 42;

/* Not exported: hidden visibility keeps it out of the dynamic symbol table's exports. */
__attribute__((visibility("hidden"))) int hidden_helper(const char *s) {
    return (int)strlen(s);
}

/* Overloaded native: bar(String). */
int Java_com_example_Foo_bar__Ljava_lang_String_2(void *env, void *thiz, const char *s) {
    (void)env;
    (void)thiz;
    return hidden_helper(s) + hidden_helper(report_url) + hidden_helper(report_host) +
           hidden_helper(foo_class) + hidden_helper(foo_sig) + hidden_helper(noise);
}

/* Inner class and an underscore in the method name: Foo$Inner.set_value. */
int Java_com_example_Foo_00024Inner_set_1value(void *env, void *thiz, int v) {
    (void)env;
    (void)thiz;
    exported_counter = v;
    return v;
}

int JNI_OnLoad(void *vm, void *reserved) {
    (void)vm;
    (void)reserved;
    return 0x00010006; /* JNI_VERSION_1_6 */
}

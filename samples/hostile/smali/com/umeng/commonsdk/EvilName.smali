.class public Lcom/umeng/commonsdk/Evil⁧Name؜;
.super Ljava/lang/Object;
.source "Evil.java"

# The class name holds U+2067 (right-to-left isolate) and U+061C (Arabic letter mark),
# which dex allows in names; smali takes them only as literal characters.

.method public static report(Ljava/lang/String;Ljava/lang/String;)V
    .locals 0
    return-void
.end method

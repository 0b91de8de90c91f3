.class public Lcom/sdkflow/sample/flows/cases/HelperLeak;
.super Ljava/lang/Object;
.source "HelperLeak.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 6

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v1
    const-string v0, "android_id"
    invoke-static {v1, v0}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0

    invoke-static {v0}, Lcom/sdkflow/sample/flows/cases/HelperLeak;->normalize(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0

    const-string v1, "HelperLeak"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.method static normalize(Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    invoke-virtual {p0}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lcom/sdkflow/sample/flows/cases/HelperLeak;->passThrough(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method

.method static passThrough(Ljava/lang/String;)Ljava/lang/String;
    .locals 0
    return-object p0
.end method

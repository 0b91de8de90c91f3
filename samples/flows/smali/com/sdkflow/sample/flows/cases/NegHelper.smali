.class public Lcom/sdkflow/sample/flows/cases/NegHelper;
.super Ljava/lang/Object;
.source "NegHelper.java"


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

    invoke-static {v0}, Lcom/sdkflow/sample/flows/cases/NegHelper;->mask(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0

    const-string v1, "NegHelper"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.method static mask(Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    if-nez p0, :present
    const-string v0, "none"
    return-object v0
    :present
    const-string v0, "****"
    return-object v0
.end method

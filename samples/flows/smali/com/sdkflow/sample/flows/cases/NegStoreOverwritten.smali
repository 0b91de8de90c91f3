.class public Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;
.super Ljava/lang/Object;
.source "NegStoreOverwritten.java"

.field public value:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 3

    const-string v1, "phone"
    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    new-instance v1, Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;
    invoke-direct {v1}, Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;-><init>()V
    iput-object v0, v1, Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;->value:Ljava/lang/String;

    const-string v2, "def"
    iput-object v2, v1, Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;->value:Ljava/lang/String;

    iget-object v0, v1, Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;->value:Ljava/lang/String;

    const-string v2, "NegStore"
    invoke-static {v2, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

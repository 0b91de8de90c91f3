.class public Lcom/sdkflow/sample/flows/cases/ReflUnused;
.super Lcom/sdkflow/sample/flows/ReflBase;
.source "ReflUnused.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/sdkflow/sample/flows/ReflBase;-><init>()V
    return-void
.end method

.method public leak(Landroid/content/Context;)V
    .locals 2

    const-string v1, "phone"
    invoke-virtual {p1, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    const-string v1, "NegReflection"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

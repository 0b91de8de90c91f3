.class public Lcom/sdkflow/sample/flows/cases/LeakySource;
.super Ljava/lang/Object;
.source "LeakySource.java"
.implements Lcom/sdkflow/sample/flows/ValueSource;


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public getValue(Landroid/content/Context;)Ljava/lang/String;
    .locals 2

    const-string v1, "phone"
    invoke-virtual {p1, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    return-object v0
.end method

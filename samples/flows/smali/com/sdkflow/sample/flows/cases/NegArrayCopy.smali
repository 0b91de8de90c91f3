.class public Lcom/sdkflow/sample/flows/cases/NegArrayCopy;
.super Ljava/lang/Object;
.source "NegArrayCopy.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 7

    const-string v1, "phone"
    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    const/4 v1, 0x1
    const/4 v3, 0x0
    new-array v5, v1, [Ljava/lang/String;
    aput-object v0, v5, v3
    new-array v2, v1, [Ljava/lang/String;
    const-string v0, "none"
    aput-object v0, v2, v3
    new-array v4, v1, [Ljava/lang/String;
    invoke-static {v2, v3, v4, v3, v1}, Ljava/lang/System;->arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V
    aget-object v0, v4, v3

    const-string v6, "NegArrayCopy"
    invoke-static {v6, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

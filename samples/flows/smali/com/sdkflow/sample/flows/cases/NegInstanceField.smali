.class public Lcom/sdkflow/sample/flows/cases/NegInstanceField;
.super Ljava/lang/Object;
.source "NegInstanceField.java"

.field private deviceId:Ljava/lang/String;
.field private channel:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 1
    new-instance v0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;-><init>()V
    invoke-virtual {v0, p0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->collect(Landroid/content/Context;)V
    invoke-virtual {v0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->send()V
    return-void
.end method

.method collect(Landroid/content/Context;)V
    .locals 2

    const-string v1, "phone"
    invoke-virtual {p1, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->deviceId:Ljava/lang/String;
    const-string v0, "release"
    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->channel:Ljava/lang/String;
    return-void
.end method

.method send()V
    .locals 2
    iget-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->channel:Ljava/lang/String;

    const-string v1, "NegInstanceField"
    invoke-static {v1, v0}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.class public Lcom/sdkflow/sample/flows/NegLifecycleActivity;
.super Landroid/app/Activity;
.source "NegLifecycleActivity.java"

.field private simSerial:Ljava/lang/String;
.field private screen:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/app/Activity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSimSerialNumber()Ljava/lang/String;
    move-result-object v0
    iput-object v0, p0, Lcom/sdkflow/sample/flows/NegLifecycleActivity;->simSerial:Ljava/lang/String;
    const-string v0, "settings"
    iput-object v0, p0, Lcom/sdkflow/sample/flows/NegLifecycleActivity;->screen:Ljava/lang/String;
    return-void
.end method

.method protected onResume()V
    .locals 2
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    iget-object v0, p0, Lcom/sdkflow/sample/flows/NegLifecycleActivity;->screen:Ljava/lang/String;

    const-string v1, "NegLifecycle"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.class public Lcom/sdkflow/sample/flows/cases/NegHandler;
.super Ljava/lang/Object;
.source "NegHandler.java"


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

    const-string v0, "tick"

    new-instance v1, Lcom/sdkflow/sample/flows/cases/NegMsgHandler;
    invoke-direct {v1}, Lcom/sdkflow/sample/flows/cases/NegMsgHandler;-><init>()V
    invoke-static {}, Landroid/os/Message;->obtain()Landroid/os/Message;
    move-result-object v2
    iput-object v0, v2, Landroid/os/Message;->obj:Ljava/lang/Object;
    invoke-virtual {v1, v2}, Lcom/sdkflow/sample/flows/cases/NegMsgHandler;->sendMessage(Landroid/os/Message;)Z

    return-void
.end method

.class public Lcom/sdkflow/sample/flows/cases/MsgHandler;
.super Landroid/os/Handler;
.source "MsgHandler.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/os/Handler;-><init>()V
    return-void
.end method

.method public handleMessage(Landroid/os/Message;)V
    .locals 2
    iget-object v0, p1, Landroid/os/Message;->obj:Ljava/lang/Object;
    check-cast v0, Ljava/lang/String;

    const-string v1, "HandlerMessage"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

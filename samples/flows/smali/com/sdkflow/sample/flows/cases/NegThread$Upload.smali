.class final Lcom/sdkflow/sample/flows/cases/NegThread$Upload;
.super Ljava/lang/Object;
.source "NegThread.java"
.implements Ljava/lang/Runnable;


.field private final deviceId:Ljava/lang/String;
.field private final appVersion:Ljava/lang/String;

.method constructor <init>(Ljava/lang/String;)V
    .locals 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;->deviceId:Ljava/lang/String;
    const-string v0, "0.7.0"
    iput-object v0, p0, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;->appVersion:Ljava/lang/String;
    return-void
.end method

.method public run()V
    .locals 3
    new-instance v0, Ljava/net/Socket;
    const-string v1, "collect.flows.sdkflow.example"
    const/16 v2, 0x1bb
    invoke-direct {v0, v1, v2}, Ljava/net/Socket;-><init>(Ljava/lang/String;I)V
    invoke-virtual {v0}, Ljava/net/Socket;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v0
    iget-object v1, p0, Lcom/sdkflow/sample/flows/cases/NegThread$Upload;->appVersion:Ljava/lang/String;
    invoke-virtual {v1}, Ljava/lang/String;->getBytes()[B
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V
    return-void
.end method

.class public Lcom/sdkflow/sample/flows/cases/NegAsyncTask;
.super Ljava/lang/Object;
.source "NegAsyncTask.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 4

    const-string v1, "phone"
    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    const-string v0, "ping"

    new-instance v1, Lcom/sdkflow/sample/flows/cases/NegValueTask;
    invoke-direct {v1}, Lcom/sdkflow/sample/flows/cases/NegValueTask;-><init>()V
    const/4 v3, 0x1
    new-array v2, v3, [Ljava/lang/Object;
    const/4 v3, 0x0
    aput-object v0, v2, v3
    invoke-virtual {v1, v2}, Lcom/sdkflow/sample/flows/cases/NegValueTask;->execute([Ljava/lang/Object;)Landroid/os/AsyncTask;

    return-void
.end method

.class public Lcom/sdkflow/sample/flows/cases/InheritSub;
.super Lcom/sdkflow/sample/flows/cases/InheritBase;
.source "InheritSub.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/sdkflow/sample/flows/cases/InheritBase;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 2

    const-string v1, "phone"
    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    sput-object v0, Lcom/sdkflow/sample/flows/cases/InheritSub;->last:Ljava/lang/String;
    invoke-static {}, Lcom/sdkflow/sample/flows/cases/InheritBase;->report()V

    return-void
.end method

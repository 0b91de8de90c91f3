.class public Lcom/sdkflow/sample/flows/cases/NegInheritSub;
.super Lcom/sdkflow/sample/flows/cases/NegInheritBase;
.source "NegInheritSub.java"

.field public static last:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/sdkflow/sample/flows/cases/NegInheritBase;-><init>()V
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

    sput-object v0, Lcom/sdkflow/sample/flows/cases/NegInheritSub;->last:Ljava/lang/String;
    invoke-static {}, Lcom/sdkflow/sample/flows/cases/NegInheritBase;->report()V

    return-void
.end method

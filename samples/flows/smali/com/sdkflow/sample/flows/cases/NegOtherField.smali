.class public Lcom/sdkflow/sample/flows/cases/NegOtherField;
.super Ljava/lang/Object;
.source "NegOtherField.java"

.field secret:Ljava/lang/String;
.field greeting:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 3
    new-instance v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/NegOtherField;-><init>()V

    const-string v2, "phone"
    invoke-virtual {p0, v2}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v2
    check-cast v2, Landroid/telephony/TelephonyManager;
    invoke-virtual {v2}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v1

    iput-object v1, v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;->secret:Ljava/lang/String;
    const-string v1, "hello"
    iput-object v1, v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;->greeting:Ljava/lang/String;
    iget-object v1, v0, Lcom/sdkflow/sample/flows/cases/NegOtherField;->greeting:Ljava/lang/String;

    const-string v2, "NegOtherField"
    invoke-static {v2, v1}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

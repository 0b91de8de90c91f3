.class public Lcom/sdkflow/sample/flows/cases/NegDispatch;
.super Ljava/lang/Object;
.source "NegDispatch.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static makeLeaky()Lcom/sdkflow/sample/flows/cases/LeakySource;
    .locals 1
    new-instance v0, Lcom/sdkflow/sample/flows/cases/LeakySource;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/LeakySource;-><init>()V
    return-object v0
.end method

.method public static makeConstant()Lcom/sdkflow/sample/flows/cases/NegDispatch$Constant;
    .locals 1
    new-instance v0, Lcom/sdkflow/sample/flows/cases/NegDispatch$Constant;
    invoke-direct {v0}, Lcom/sdkflow/sample/flows/cases/NegDispatch$Constant;-><init>()V
    return-object v0
.end method

.method public static run(Landroid/content/Context;)V
    .locals 2

    invoke-static {}, Lcom/sdkflow/sample/flows/cases/NegDispatch;->makeLeaky()Lcom/sdkflow/sample/flows/cases/LeakySource;
    invoke-static {}, Lcom/sdkflow/sample/flows/cases/NegDispatch;->makeConstant()Lcom/sdkflow/sample/flows/cases/NegDispatch$Constant;
    move-result-object v0
    invoke-interface {v0, p0}, Lcom/sdkflow/sample/flows/ValueSource;->getValue(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0

    const-string v1, "NegDispatch"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.class public Lcom/sdkflow/sample/flows/cases/NegDispatch$Constant;
.super Ljava/lang/Object;
.source "NegDispatch.java"
.implements Lcom/sdkflow/sample/flows/ValueSource;


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public getValue(Landroid/content/Context;)Ljava/lang/String;
    .locals 2

    const-string v0, "const"

    return-object v0
.end method

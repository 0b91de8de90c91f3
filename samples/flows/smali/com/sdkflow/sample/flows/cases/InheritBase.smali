.class public Lcom/sdkflow/sample/flows/cases/InheritBase;
.super Ljava/lang/Object;
.source "InheritBase.java"

.field public static last:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static report()V
    .locals 2
    sget-object v0, Lcom/sdkflow/sample/flows/cases/InheritBase;->last:Ljava/lang/String;

    const-string v1, "Inherited"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.class public Lcom/umeng/commonsdk/UMConfigure;
.super Ljava/lang/Object;
.source "UMConfigure.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static endpoint()Ljava/lang/String;
    .locals 1
    const-string v0, "https://ulogs.umeng.com/unify_logs"
    return-object v0
.end method

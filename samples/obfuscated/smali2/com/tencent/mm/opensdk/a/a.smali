.class public Lcom/tencent/mm/opensdk/a/a;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static a(Landroid/content/Context;Ljava/lang/String;Z)Lcom/tencent/mm/opensdk/a/b;
    .locals 1
    new-instance v0, Lcom/tencent/mm/opensdk/a/c;
    invoke-direct {v0, p0, p1}, Lcom/tencent/mm/opensdk/a/c;-><init>(Landroid/content/Context;Ljava/lang/String;)V
    return-object v0
.end method

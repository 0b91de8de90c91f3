.class public Lcom/huawei/hms/a/c;
.super Ljava/lang/Object;
.source "SourceFile"


.field public data:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

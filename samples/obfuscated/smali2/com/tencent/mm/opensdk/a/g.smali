.class public Lcom/tencent/mm/opensdk/a/g;
.super Lcom/tencent/mm/opensdk/a/e;
.source "SourceFile"


.field public appId:Ljava/lang/String;
.field public partnerId:Ljava/lang/String;
.field public prepayId:Ljava/lang/String;
.field public sign:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/tencent/mm/opensdk/a/e;-><init>()V
    return-void
.end method

.class public Lcom/tencent/mm/opensdk/modelpay/PayReq;
.super Lcom/tencent/mm/opensdk/modelbase/BaseReq;
.source "PayReq.java"


.field public appId:Ljava/lang/String;
.field public partnerId:Ljava/lang/String;
.field public prepayId:Ljava/lang/String;
.field public sign:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/tencent/mm/opensdk/modelbase/BaseReq;-><init>()V
    return-void
.end method

.class public abstract Lcom/tencent/mm/opensdk/modelbase/BaseResp;
.super Ljava/lang/Object;
.source "BaseResp.java"


.field public errCode:I
.field public errStr:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

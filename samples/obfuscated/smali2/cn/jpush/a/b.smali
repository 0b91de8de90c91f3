.class public Lcn/jpush/a/b;
.super Ljava/lang/Object;
.source "SourceFile"


.field public message:Ljava/lang/String;
.field public extra:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

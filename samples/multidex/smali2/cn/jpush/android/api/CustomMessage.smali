.class public Lcn/jpush/android/api/CustomMessage;
.super Ljava/lang/Object;
.source "CustomMessage.java"


.field public message:Ljava/lang/String;
.field public extra:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.class public final Lcom/umeng/analytics/pro/e;
.super Ljava/lang/Object;
.source "SourceFile"


.field public static final SDK_VERSION:Ljava/lang/String; = "9.6.3"
.field public static final SDK_TYPE:I = 0x0

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

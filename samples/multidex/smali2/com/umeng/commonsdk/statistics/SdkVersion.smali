.class public final Lcom/umeng/commonsdk/statistics/SdkVersion;
.super Ljava/lang/Object;
.source "UMVersion.java"


.field public static final SDK_VERSION:Ljava/lang/String; = "9.6.3"
.field public static final SDK_TYPE:I = 0x0

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

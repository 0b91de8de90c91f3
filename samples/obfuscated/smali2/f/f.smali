.class public final Lf/f;
.super Ljava/lang/Object;
.source "SourceFile"


.field private final mediaType:Ljava/lang/String;

.method private constructor <init>(Ljava/lang/String;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lf/f;->mediaType:Ljava/lang/String;
    return-void
.end method

.method public static a(Ljava/lang/String;)Lf/f;
    .locals 1
    new-instance v0, Lf/f;
    invoke-direct {v0, p0}, Lf/f;-><init>(Ljava/lang/String;)V
    return-object v0
.end method

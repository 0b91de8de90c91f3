.class public Landroidx/core/a/b;
.super Landroidx/core/a/a;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroidx/core/a/a;-><init>()V
    return-void
.end method

.method public static a(Landroid/app/Activity;[Ljava/lang/String;I)V
    .locals 0
    invoke-virtual {p0, p1, p2}, Landroid/app/Activity;->requestPermissions([Ljava/lang/String;I)V
    return-void
.end method

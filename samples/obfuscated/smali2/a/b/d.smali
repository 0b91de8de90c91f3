.class public La/b/d;
.super Landroid/location/Location;
.source "SourceFile"


.method public constructor <init>(Landroid/location/Location;)V
    .locals 0
    invoke-direct {p0, p1}, Landroid/location/Location;-><init>(Landroid/location/Location;)V
    return-void
.end method

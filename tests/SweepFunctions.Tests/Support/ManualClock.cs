namespace SweepFunctions.Tests.Support;

/// <summary>
/// A clock the test sets. The app host's clock follows real time until a test sets it (the sweep's start is read from
/// it, so lists and pages see real times), and back again after <see cref="FollowRealTime"/>.
/// </summary>
public sealed class ManualClock(DateTimeOffset? now) : TimeProvider
{
    private DateTimeOffset? _now = now;

    public DateTimeOffset Now
    {
        get => _now ?? DateTimeOffset.UtcNow;
        set => _now = value;
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public void FollowRealTime() => _now = null;
}

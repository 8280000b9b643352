using Microsoft.Playwright;

namespace SweepDashboard.Tests.Support;

/// <summary>
/// One headless Chromium for the test run: Debian's <c>/usr/bin/chromium</c> (or <c>SWEEP_TEST_CHROMIUM</c>), driven by
/// Playwright's driver from its NuGet package, so nothing is downloaded. Each test opens its own context (a fresh
/// profile: Playwright starts the browser with a new temporary user-data-dir). Tests call <see cref="RequireAsync"/>
/// first: it FAILS with instructions when there is no browser, never skips.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("SWEEP_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Flags for a closed network: no background connections that would be refused and slow the start.</summary>
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _unavailable = $"there is no browser at {ExecutablePath}";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
            Assertions.SetDefaultExpectTimeout(20_000);
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or IOException)
        {
            _unavailable = $"{ExecutablePath} did not start: {e.Message}";
        }
    }

    /// <summary>The browser, or a failed test saying how to get one.</summary>
    public IBrowser Require() => _browser ?? throw new Xunit.Sdk.XunitException(
        $"This test drives a headless Chromium, and {_unavailable}. Install Debian's Chromium with `apt-get install -y chromium` " +
        "(.ci/run does), or set SWEEP_TEST_CHROMIUM to a Chromium or Chrome executable.");

    /// <summary>A fresh context: its own profile, the viewport and colour scheme asked for, and clipboard access.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Require().NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = scheme,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}

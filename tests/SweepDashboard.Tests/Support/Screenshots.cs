using Microsoft.Playwright;

namespace SweepDashboard.Tests.Support;

/// <summary>
/// Screenshots for people to look at: when <c>SWEEP_DASHBOARD_SCREENSHOTS</c> names a folder, the browser tests save
/// the pages they open there (the README's images come from it). Without it nothing is saved and nothing changes.
/// </summary>
public static class Screenshots
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("SWEEP_DASHBOARD_SCREENSHOTS") is { Length: > 0 } f ? f : null;

    public static bool Wanted => Folder is not null;

    public static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        if (Folder is null)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });

        // The top two and a half screens (top/, the README's images), and the whole page in screen-high slices, to look
        // at closely (slices/).
        var size = page.ViewportSize!;
        int height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Directory.CreateDirectory(Path.Combine(Folder, "top"));
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(Folder, "top", name + ".png"),
            FullPage = true,
            Clip = new() { X = 0, Y = 0, Width = size.Width, Height = Math.Min(height, size.Height * 5 / 2) },
        });
        Directory.CreateDirectory(Path.Combine(Folder, "slices"));
        for (int top = 0, i = 1; top < height && fullPage; top += size.Height, i++)
        {
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(Folder, "slices", $"{name}-{i}.png"),
                FullPage = true,
                Clip = new() { X = 0, Y = top, Width = size.Width, Height = Math.Min(size.Height, height - top) },
            });
        }
    }
}

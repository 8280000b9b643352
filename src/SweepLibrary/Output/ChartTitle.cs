using ScottPlot;

namespace SweepLibrary.Output;

/// <summary>
/// A chart's title that fits its image: ScottPlot centres the title over the data area, so each line is wrapped at
/// spaces to twice the distance from that centre to the nearer side of the image, less <see cref="SideMargin"/> at each
/// side, measured with the title's own font; no word is cut off at an edge. A word wider than a line on its own (a long
/// parameter set without spaces) is broken between characters.
/// </summary>
internal static class ChartTitle
{
    /// <summary>Clear space kept between the title and each side of the image, in pixels.</summary>
    public const float SideMargin = 12;

    /// <summary>
    /// Sets <paramref name="text"/> (lines split by <c>\n</c>) as the title of <paramref name="plot"/>, wrapped to fit an
    /// image of <paramref name="imageWidth"/> x <paramref name="imageHeight"/> pixels, and returns how many lines it takes
    /// and the height of one. Call it when everything else is on the plot: it lays the plot out once to find the data
    /// area, which a taller title moves down but not sideways.
    /// </summary>
    public static (int Lines, float LineHeight) Set(Plot plot, string text, int imageWidth, int imageHeight)
    {
        var title = plot.Axes.Title;
        plot.Title(text);
        plot.RenderInMemory(imageWidth, imageHeight);
        var data = plot.LastRender.DataRect;
        float centre = (data.Left + data.Right) / 2;
        var lines = Wrap(text, title.Label, 2 * (Math.Min(centre, imageWidth - centre) - SideMargin));
        plot.Title(string.Join("\n", lines));
        using var paint = Paint.NewDisposablePaint();
        return (lines.Count, title.Label.Measure("Ag", paint).LineHeight);
    }

    /// <summary>The lines of <paramref name="text"/>, each at most <paramref name="width"/> pixels wide in <paramref name="font"/>.</summary>
    public static IReadOnlyList<string> Wrap(string text, LabelStyle font, float width)
    {
        using var paint = Paint.NewDisposablePaint();
        bool Fits(string line) => font.Measure(line, paint).Width <= width;
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = "";
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string longer = line.Length == 0 ? word : line + " " + word;
                if (Fits(longer))
                {
                    line = longer;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (!Fits(line) && line.Length > 1)
                {
                    int cut = Enumerable.Range(1, line.Length - 1).Last(n => n == 1 || Fits(line[..n]));
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}

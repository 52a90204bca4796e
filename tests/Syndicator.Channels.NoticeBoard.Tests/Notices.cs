using System.Text;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Testing;
using Syndicator.Testing.Processes;
using UglyToad.PdfPig;

namespace Syndicator.Channels.NoticeBoard.Tests;

/// <summary>A realistic notice of the bureau, and reading a PDF's text back with PdfPig.</summary>
internal static class Notices
{
    public const string Title = "桐乡市水利局关于印发《桐乡市2026年度水利工程建设项目信息公开工作实施方案》及做好汛期前河道堤防安全隐患排查整治工作的通知";
    public const string IndexNumber = "002528063/2026-00042";

    /// <summary>Paragraphs in the bureau's own words (its 2016 annual report on information disclosure).</summary>
    public static readonly string[] Paragraphs =
    [
        "2016年，桐乡市水利局贯彻落实《中华人民共和国政府信息公开条例》、《浙江省政府信息公开暂行办法》和《2016年桐乡市政务公开工作要点》（桐政办发〔2016〕71号）等文件要求，以提高工作透明度，推进依法行政为目标，以“规范、及时”为原则，深入推进政府信息公开工作。",
        "我局政府信息公开领导小组由分管领导为组长，各科室负责人作为组员，领导小组下设办公室，并指定专人负责信息公开工作。在日常工作中，将政府信息公开工作纳入重要议事日程，将目标分解到科室，责任到人。",
        "2016年度，通过市政府信息公开网站发布信息21条，所有信息皆可在桐乡市政府信息公开网水利局专栏（http://xxgk.tx.gov.cn/017/）查询浏览，其中：机构概况类1条，政策文件类7条，报告统计1条，工作信息5条，社会管理3条，财政信息3条，人事信息3条。",
        "桐乡市水利局不断加大载体建设力度。除及时全面向市政府信息公开网站报送相关公开内容和信息外，积极推进桐乡市工程建设领域项目信息公开、桐乡水利门户网站、信息公开栏、“桐乡水利”微信公众号、“桐乡防汛”今日头条号等载体建设。",
        "实行申请公开制度，按照提出申请、受理申请、答复申请等程序进行办理，能够当场答复的，当场给予答复，不能当场答复的，自收到申请书之日起15个工作日内给予答复。",
    ];

    public static ItemRevision Item(string? bodyHtml = null, string? title = null) => Some.Item(
        id: ItemJson.NewId("nb-"), title: title ?? Title,
        bodyHtml: bodyHtml ?? "<h2>一、工作情况</h2>" + string.Concat(Paragraphs.Select(p => $"<p>{p}</p>")) + "<ol><li>严格落实相关政策要求。</li><li>细化相关操作办法。</li></ol>",
        channels: ["board"]) with
    {
        IndexNumber = IndexNumber,
        DocumentNumber = "桐水〔2026〕42号",
        Disclosure = new DisclosureMetadata { Topic = "城乡建设、环境保护\\水利", Genre = "通知", Validity = "有效", Keywords = ["水利", "信息公开"] },
    };

    public static NoticeBoardChannelOptions Options(int maxPages = 10, int maxBody = 30_000, TimeSpan? timeout = null) => new()
    {
        Organisation = "桐乡市水利局",
        MaxPages = maxPages,
        MaxBodyCharacters = maxBody,
        RenderTimeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public static RenderedNotice Render(ItemRevision item, NoticeBoardChannelOptions options) =>
        new NoticeRenderer(NoticeFonts.Register(options), options)
            .Render(NoticeContent.Of(item, "board", options, new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero)));

    /// <summary>Each page's text, whitespace removed.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Normalise(p.Text))];
    }

    public static string Normalise(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static ChannelDefinition Definition(params (string Key, string? Value)[] settings)
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Channels:board:{s.Key}", s.Value))
                .Append(KeyValuePair.Create("Channels:board:DisplayName", (string?)"信息公开栏")))
            .Build().GetSection("Channels:board");
        return new ChannelDefinition("board", section.Get<ChannelOptions>() ?? new ChannelOptions(), section);
    }

    public static string Repeat(int characters)
    {
        var text = new StringBuilder();
        while (text.Length < characters)
        {
            text.Append(Paragraphs[text.Length % Paragraphs.Length]);
        }

        return text.ToString(0, characters);
    }
}

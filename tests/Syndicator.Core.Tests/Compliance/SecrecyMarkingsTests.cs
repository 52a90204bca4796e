using Syndicator.Core.Compliance;

namespace Syndicator.Core.Tests.Compliance;

public sealed class SecrecyMarkingsTests
{
    private static List<string> Find(string text) => SecrecyMarkings.Find(text).Select(m => m.Marking).ToList();

    [Theory]
    [InlineData("秘密★1年\n关于印发某办法的通知", "秘密★")]
    [InlineData("正文中间 机密★5年 的标注", "机密★")]
    [InlineData("绝密\n关于某事项的通知", "绝密")]
    [InlineData("【内部资料】河道巡查情况", "内部资料")]
    [InlineData("「内部资料」", "内部资料")]
    [InlineData("（秘密）关于某事项的报告", "秘密")]
    [InlineData("内部资料 注意保存\n正文", "内部资料")]
    [InlineData("份号 000123\n机密 关于某事项的通知", "机密")]
    public void Find_MarkingInMarkingPosition_Found(string text, string marking)
    {
        Assert.Equal([marking], Find(text));
    }

    [Theory]
    [InlineData("保守国家秘密是每个公民的义务。")]
    [InlineData("秘密保护工作要点")]
    [InlineData("加强内部控制制度建设")]
    [InlineData("内部审计结果公告")]
    [InlineData("第一行\n第二行\n第三行\n秘密 第四行不是标志位置")]
    [InlineData("严防内部资料外泄的措施如下")]
    public void Find_OrdinaryWords_NothingFound(string text)
    {
        Assert.Empty(Find(text));
    }
}

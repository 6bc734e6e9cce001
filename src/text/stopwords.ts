/**
 * Function words: the words that text spinners and rewriters leave in place
 * while they replace content words. Their order survives spinning, so n-grams
 * over this sequence alone (Stamatatos 2011) find spun copies that word
 * n-grams miss. Data only: the most frequent articles, pronouns, prepositions,
 * conjunctions and auxiliaries of each language, lowercased.
 *
 * Lists are merged into one set: a word that is a function word in one
 * language and a content word in another costs little, and no language
 * detection is needed.
 */
export const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: `the of and to a in that is was he for it with as his on be at by i this had not are but from or
    have an they which one you were her all she there would their we him been has when who will more no
    if out so said what up its about into than them can only other new some could time these two may then
    do first any my now such like our over man me even most made after also did many before must through
    back years where much your way well down should because each just those people how too very`,
  de: `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden
    aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder
    aber vor zur bis mehr durch man sein wurde sei hatte kann gegen vom schon wenn habe seine ihre dann
    unter wir soll ich eines jahr zwei jahren diese dieser wieder keine seiner worden will zwischen immer
    was sagte gibt alle diesem seit müssen doch`,
  fr: `le la les de des du un une et à en que qui dans pour pas par sur au est il elle ne se plus ce avec
    son sa ses aux a ont été être sont mais ou nous vous ils elles leur leurs on cette comme tout y fait
    était aussi selon entre après sans sous encore depuis lors dont même très avait deux peut bien où`,
  es: `el la los las de del y a en que un una por con para se es su sus al lo como más pero no o ha han
    este esta este estos estas ese esa fue ser son sobre entre también hasta desde le les ya muy sin
    porque cuando donde todo todos dos había era está están según así durante otro otra ante tras`,
  it: `il lo la i gli le di del della dei delle e a in che un una per con non da si è al alla sono nel
    nella sul sulla ha come ma anche o più questo questa essere stato stata tra fra dopo ci se loro suo
    sua suoi sue era già ancora quando due cui dove molto`,
  pt: `o a os as de do da dos das e em um uma que para com não por se no na nos nas ao aos é foi ser
    como mais mas ou seu sua seus suas ele ela eles elas já também entre até sobre quando pelo pela foram
    está são tem há isso este esta dois muito depois sem`,
  nl: `de het een en van in is dat op te zijn met voor niet die aan er als ook door bij om maar dan of
    uit naar wordt nog tot werd was hij zij ze we wij heeft hebben worden over na al kan deze dit meer
    geen twee jaar zo wel omdat tegen zich`,
  ru: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне
    было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
    нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
    была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
    совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при
    наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
    эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно
    всю между также года также заявил это`,
  uk: `і й та в у на з із до не що як це від за по для про але або він вона воно вони ми ви я ти його її
    їх був була було були є бути також так вже ще лише тільки коли де який яка яке які цей ця ці той та
    те між після через під над при без може можна щоб бо якщо навіть році року`,
  pl: `i w na z do się nie że to jest o jak po co ale a od za przez dla tak jego jej ich oraz lub czy
    już jeszcze był była było były być może są też tylko przy pod nad bez tym ten ta te który która
    które którzy także został została roku jako gdy gdzie między więc aby`,
  tr: `ve bir bu da de için ile olarak olan gibi daha çok en ama ancak veya ya her o şu ne kadar sonra
    önce göre değil var yok ise mi mı mu mü olan oldu olduğu olduğunu bin iki yılında tarafından`,
  ar: `في من على إلى أن عن مع هذا هذه التي الذي كان قد لا ما لم أو ثم بعد بين كل عند حتى إن هو هي
    ذلك تلك الى او وقد كما فيه منذ خلال عليه وفي وأن ولا وهو غير`,
  ur: `کے کی میں ہے اور سے کو نے کا پر کہ ہیں یہ وہ بھی تھا تھی تھے گا گی گے ہو ہوا ہوئی ہوئے کر
    کیا کی گئی گیا جو اس ان ایک لیے لئے تک ساتھ بعد جس جن نہیں کوئی کسی اپنے اپنی ہم آپ رہا رہی رہے
    والے والی دیا دی کہا جبکہ بھر`,
  id: `yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga oleh sebagai atau
    ada karena saat telah bisa kata tersebut lebih mereka kami kita sudah hanya namun`,
};

/** Every function word of every list, for membership tests by hash. */
export function allFunctionWords(): string[] {
  const words = new Set<string>();
  for (const list of Object.values(FUNCTION_WORDS)) {
    for (const word of list.split(/\s+/)) if (word) words.add(word);
  }
  return [...words];
}

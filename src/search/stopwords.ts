/** Function words that carry no topic, for English and Portuguese (accent-folded). */
export const STOPWORDS_EN = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him himself
  his how i if in into is it its itself just let me more most my myself no nor not of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was we were what when where which while who whom whose why will with would you your
  yours yourself yourselves many much did does done get got one's`.split(/\s+/),
);

export const STOPWORDS_PT = new Set(
  `a ao aos aquela aquelas aquele aqueles aquilo as ate com como da das de dela delas dele deles depois do dos e ela elas ele
  eles em entre era eram essa essas esse esses esta estas este estes eu foi foram ha isso isto ja lhe lhes mais mas me mesmo
  meu meus minha minhas muito na nas nem no nos nossa nossas nosso nossos num numa o os ou para pela pelas pelo pelos por qual
  quais quando que quem se sem ser seu seus so sua suas tambem te tem teu tua voce voces um uma umas uns sao esta estao foi
  segundo onde qual cujo cuja`.split(/\s+/),
);

/**
 * Common verbs and nouns, English and Portuguese (accent-folded), that say little of what a question
 * asks: "What happens to Stéphanie?" asks about Stéphanie, "How much did the film make?" about money.
 * An article rarely uses them, which would make them weigh the most.
 */
export const LIGHT_WORDS = new Set(
  `happen happens happened happening make makes made making take takes took taken give gives gave given go goes went gone
  come comes came become becomes became put puts keep keeps kept seem seems use uses used thing things way
  acontece aconteceu acontecer acontecem faz fez fazer feito fica ficou ficar deu dar vai ir vem veio coisa coisas torna
  tornou tornar`.split(/\s+/),
);

/** Words that tell which language a text is in (kept accented: accents are evidence too). */
export const MARKERS_EN = new Set(
  'the of and to in is was what who which how when where did does with for by from that this film movie were has have'.split(' '),
);
export const MARKERS_PT = new Set(
  'o os a as de do da dos das que e é em no na um uma para com por qual quem quanto quantos quando onde como foi filme não são ao à'.split(' '),
);

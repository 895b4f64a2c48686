import copy, torch
from synthdiv.llm import smollm2
from synthdiv.data import *
from synthdiv.teacher import tokenise_pairs, teacher_pairs, dev_loss
torch.set_num_threads(2)
base = smollm2()
d = {k: article_leads(v, 30) for k, v in bbc_headlines().items()}
data = tokenise_pairs(base.tok, teacher_pairs(HEADLINE_TASK, d['dev'].select(range(24)), ['annotate']), 'completion', 160)
def keep(idx):
    m = copy.deepcopy(base.model); m.model.layers = torch.nn.ModuleList([m.model.layers[i] for i in idx]); m.config.num_hidden_layers=len(idx)
    for j, l in enumerate(m.model.layers): l.self_attn.layer_idx = j
    return m
for name, idx in [('all30', range(30)), ('first8', range(8)), ('first6+last2', [0,1,2,3,4,5,28,29]), ('first8+last2', list(range(8))+[28,29]),
                  ('first10+last4', list(range(10))+[26,27,28,29]), ('every3rd+last', list(range(0,30,4))+[29]), ('first4+last4', [0,1,2,3,26,27,28,29])]:
    print(name, len(idx), round(dev_loss(keep(list(idx)), data, base.tok.pad_token_id), 3), flush=True)
